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
      this.chart = window.echarts.init(this, null, { renderer: 'svg' });
      this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
      this.resizer.observe(this);
    }
    const option = JSON.parse(json);
    option.animation = false;
    option.aria = { enabled: true };
    this.chart.setOption(option, true);
    this.setAttribute('data-rendered', 'true');
  }
}

if (!customElements.get('opz-chart')) {
  customElements.define('opz-chart', OpzChart);
}
