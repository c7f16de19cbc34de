/// The script `preview` adds to a page it serves (and only then: written pages carry none).
///
/// It asks the server, by long polling, for the state of the render. When a new page has been
/// written it keeps the scroll position and reloads; while a render runs it shows the
/// running cell and its progress; when a render fails it shows a banner with each error's
/// `file:line` above the page, which is the last good one.
enum ReloadScript {
    /// `page` with the script before `</body>` (or at its end), for pages at `version`.
    static func inject(into page: String, version: Int) -> String {
        let script = "<script>\n" + source(version: version) + "\n</script>\n"
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + script }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }

    private static func source(version: Int) -> String {
        """
        (function () {
          var version = \(version), serial = -1, key = "ppo-book-preview-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }
          var box = document.createElement("div");
          box.id = "ppo-book-preview";
          box.setAttribute("role", "status");
          box.style.cssText = "position:sticky;top:0;z-index:10;font:13px/1.4 system-ui,sans-serif;";
          document.body.insertBefore(box, document.body.firstChild);
          function show(state) {
            box.textContent = "";
            if (state.errors.length > 0) {
              var banner = document.createElement("div");
              banner.className = "ppo-book-preview-errors";
              banner.style.cssText = "background:#fde8e8;color:#7a1010;border-bottom:2px solid #c0392b;padding:8px 12px;";
              var title = document.createElement("strong");
              title.textContent = "The last render failed; the page below is the last good one.";
              banner.appendChild(title);
              state.errors.forEach(function (error) {
                var line = document.createElement("pre");
                line.style.cssText = "margin:4px 0 0;white-space:pre-wrap;";
                line.textContent = error;
                banner.appendChild(line);
              });
              box.appendChild(banner);
            }
            if (state.rendering) {
              var running = document.createElement("div");
              running.className = "ppo-book-preview-running";
              running.style.cssText = "background:#eef4fb;color:#1d3f66;border-bottom:1px solid #9bb8d8;padding:4px 12px;";
              running.textContent = "Rendering" + (state.cell ? ": running " + state.cell : "") +
                (state.progress ? " (" + state.progress + ")" : "") + "…";
              box.appendChild(running);
            }
          }
          function poll() {
            fetch("/_preview/state?since=" + serial, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (state.pageVersion !== version) {
                  sessionStorage.setItem(key, String(window.scrollY));
                  location.reload();
                  return;
                }
                serial = state.serial;
                show(state);
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """
    }
}
