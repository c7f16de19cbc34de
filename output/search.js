// Course search for ppo-book pages: ranks the sections of ppoBookSearch (search-index.js)
// that contain every word of the query. Pages never need this script to be read.
(function () {
  "use strict";
  var index = window.ppoBookSearch;
  var form = document.querySelector(".search-form");
  var input = form.querySelector("input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");

  function words(text) { return text.toLowerCase().split(/\s+/).filter(Boolean); }

  function score(section, terms) {
    var heading = section.heading.toLowerCase(), text = section.text.toLowerCase();
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var inHeading = heading.indexOf(terms[i]) >= 0, inText = text.indexOf(terms[i]) >= 0;
      if (!inHeading && !inText) { return 0; }
      total += (inHeading ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) { at = lower.indexOf(terms[i]); }
    var start = Math.max(0, at - 80);
    var piece = text.slice(start, start + 220);
    return (start > 0 ? "…" : "") + piece + (start + 220 < text.length ? "…" : "");
  }

  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment(), lower = text.toLowerCase(), position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var found = lower.indexOf(term, position);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = term.length; }
      });
      if (next < 0) { break; }
      fragment.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      fragment.appendChild(mark);
      position = next + length;
    }
    fragment.appendChild(document.createTextNode(text.slice(position)));
    return fragment;
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) { status.textContent = "Type words to look for in every lesson."; return; }
    var found = index.sections.map(function (section, order) {
      return { section: section, order: order, score: score(section, terms) };
    }).filter(function (hit) { return hit.score > 0; });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = found.length === 1 ? "1 section found." : found.length + " sections found.";
    found.slice(0, 50).forEach(function (hit) {
      var lesson = index.lessons[hit.section.lesson];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = lesson.name + ".html" + (hit.section.anchor ? "#" + hit.section.anchor : "");
      link.appendChild(highlighted(hit.section.heading, terms));
      var where = document.createElement("span");
      where.className = "search-lesson";
      where.textContent = lesson.title;
      var text = document.createElement("p");
      text.appendChild(highlighted(snippet(hit.section.text, terms), terms));
      item.appendChild(link);
      item.appendChild(where);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  input.addEventListener("input", function () {
    show(input.value);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
})();
