// Keeps an embedded dashboard current: listens to the changes of the datasets it shows (server-sent
// events from data-changes on <main>) and, a moment after one, fetches the tiles again (data-tiles)
// and puts them in place of those shown, then announces the sentence they carry in the status
// line. A stream lost is opened again by the browser, and the tiles are fetched then too, for what
// changed meanwhile. <main data-live> says whether the stream is open.
(() => {
  const main = document.querySelector('main[data-changes]');
  const status = document.getElementById('embed-status');
  if (!main || !window.EventSource) {
    return;
  }
  let waiting = null;
  let again = false;
  let busy = false;

  const redraw = () => {
    waiting = null;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(main.dataset.tiles, { credentials: 'omit', cache: 'no-store' })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        const tiles = template.content.querySelector('.tiles');
        const shown = main.querySelector('.tiles');
        if (tiles && shown) {
          shown.replaceWith(document.importNode(tiles, true));
          if (status) {
            status.textContent = tiles.dataset.status || '';
          }
        }
      })
      .catch(() => {
        // the tiles stay as they were; the next change tries again
      })
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          later();
        }
      });
  };

  // changes that come together are drawn once
  const later = () => {
    if (!waiting) {
      waiting = setTimeout(redraw, 200);
    }
  };

  let opened = false;
  const changes = new EventSource(main.dataset.changes);
  changes.addEventListener('changed', later);
  changes.addEventListener('open', () => {
    main.dataset.live = 'open';
    if (opened) {
      later();
    }
    opened = true;
  });
  changes.addEventListener('error', () => {
    main.dataset.live = 'lost';
  });
})();
