// <opz-chart option='{...}'>: draws an ECharts option (JSON built on the server with echarts-java)
// as SVG. ECharts itself is loaded from its webjar before this script.
class OpzChart extends HTMLElement {
  static get observedAttributes() {
    return ['option'];
  }

  connectedCallback() {
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.resizer.disconnect();
      this.chart.dispose();
      this.chart = null;
      this.box.remove();
    }
  }

  attributeChangedCallback() {
    this.render();
  }

  render() {
    const json = this.getAttribute('option');
    if (!this.isConnected || !json) {
      return;
    }
    if (!window.echarts) {
      setTimeout(() => this.render(), 50);
      return;
    }
    if (!this.chart) {
      // ECharts draws into a box of its own, so the element keeps the role and name it was given
      this.box = document.createElement('div');
      this.box.style.width = '100%';
      this.box.style.height = '100%';
      this.appendChild(this.box);
      this.chart = window.echarts.init(this.box, null, { renderer: 'svg' });
      this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
      this.resizer.observe(this);
    }
    const option = JSON.parse(json);
    option.animation = false;
    this.chart.setOption(option, true);
    this.setAttribute('data-rendered', 'true');
  }
}

if (!customElements.get('opz-chart')) {
  customElements.define('opz-chart', OpzChart);
}
