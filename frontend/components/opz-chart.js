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

  /** The chart as an image: an SVG document, or a PNG painted from it at twice the size. */
  image(type) {
    const svg = this.chart.renderToSVGString();
    if (type === 'svg') {
      return Promise.resolve('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg));
    }
    return new Promise((resolve, reject) => {
      const picture = new Image();
      picture.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = this.box.clientWidth * 2;
        canvas.height = this.box.clientHeight * 2;
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(picture, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL('image/png'));
      };
      picture.onerror = reject;
      picture.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    });
  }

  /** Saves the chart as a PNG or SVG file. */
  download(type, name) {
    return this.image(type).then((url) => {
      const link = document.createElement('a');
      link.href = url;
      link.download = name + '.' + type;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return url;
    });
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
    // the portal's colours and type, unless the option brings its own
    const style = getComputedStyle(this);
    // split on the commas between colours, not those inside hsl(...) or rgb(...)
    const palette = style.getPropertyValue('--opz-chart-palette').split(/,(?![^(]*\))/).map((c) => c.trim()).filter((c) => c);
    if (palette.length && !option.color) {
      option.color = palette;
    }
    // single quotes only: the font list ends up in attributes of the SVG that the image export parses
    const fontFamily = style.fontFamily.replace(/"/g, "'");
    option.textStyle = Object.assign({ fontFamily, color: style.color }, option.textStyle || {});
    this.chart.setOption(option, true);
    this.setAttribute('data-rendered', 'true');
  }
}

if (!customElements.get('opz-chart')) {
  customElements.define('opz-chart', OpzChart);
}
