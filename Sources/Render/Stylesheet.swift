/// The page's only stylesheet, inlined so a page is one file that needs no network.
/// Light and dark follow the reader's system; print drops the chrome; narrow screens scroll code sideways.
public enum Stylesheet {
    /// The CSS of every page.
    public static let css = """
    :root {
      --text: #1d1f23; --muted: #5b6270; --background: #ffffff; --surface: #f5f6f8; --border: #dde1e7;
      --accent: #0b63c5; --error: #b3261e; --error-surface: #fdeceb; --expected: #7a5a00; --expected-surface: #fff6dc;
      --keyword: #a626a4; --type: #0f7b8a; --string: #2f7d32; --number: #b35c00; --comment: #6a737d; --attribute: #8250df;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6e8eb; --muted: #a3abb8; --background: #15171a; --surface: #1f2227; --border: #353a42;
        --accent: #6cb2ff; --error: #ff8a80; --error-surface: #3a1d1b; --expected: #f2c94c; --expected-surface: #352c12;
        --keyword: #e38ce0; --type: #56c8d8; --string: #8fd18b; --number: #f2a65a; --comment: #8b949e; --attribute: #b392f0;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0 auto; max-width: 50rem; padding: 1.5rem 1.1rem 4rem;
      font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--text); background: var(--background);
    }
    h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.8rem; }
    h1 { font-size: 2rem; } h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.3rem; }
    h3 { font-size: 1.2rem; }
    .page-header { margin-bottom: 1.5rem; } .page-title { margin-top: 0.5rem; }
    .page-author { color: var(--muted); margin: -0.4rem 0 0; }
    a { color: var(--accent); }
    a.anchor { visibility: hidden; text-decoration: none; color: var(--muted); font-weight: normal; }
    h2:hover a.anchor, h3:hover a.anchor, h4:hover a.anchor, a.anchor:focus { visibility: visible; }
    code, pre { font-family: ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    code { font-size: 0.88em; background: var(--surface); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { font-size: 0.84rem; line-height: 1.45; overflow-x: auto; padding: 0.8rem 1rem; margin: 0;
          background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
    pre code { background: none; padding: 0; font-size: inherit; }
    main > pre { margin: 1rem 0; }
    table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
    th, td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; text-align: left; vertical-align: top; }
    th { background: var(--surface); }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    blockquote { margin: 1rem 0; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--border); }
    img, svg { max-width: 100%; height: auto; }
    .toc { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 1rem;
           margin: 1rem 0 2rem; font-size: 0.95rem; }
    .toc summary { font-weight: 600; cursor: pointer; }
    .toc ol { margin: 0.4rem 0; padding-left: 0; list-style: none; } .toc ol ol { margin: 0; padding-left: 1.3rem; }
    .cell { margin: 1.4rem 0; }
    .cell-code { position: relative; }
    .cell-label { display: block; font-size: 0.75rem; color: var(--muted); text-decoration: none;
                  font-family: ui-monospace, monospace; margin-bottom: 0.2rem; }
    .cell-outputs { margin-top: 0.5rem; padding-left: 0.9rem; border-left: 3px solid var(--border); }
    .cell-outputs > * + * { margin-top: 0.6rem; }
    .output-text { background: transparent; border: none; padding: 0.2rem 0; }
    .output-stderr { background: var(--expected-surface); border-color: transparent; }
    .output-error { color: var(--error); background: var(--error-surface); border-color: var(--error); white-space: pre-wrap; }
    .output-error-expected { color: var(--expected); background: var(--expected-surface); border-color: var(--expected); }
    .cell-failed .cell-label { color: var(--error); } .cell-failedAsExpected .cell-label { color: var(--expected); }
    .cell-note { color: var(--muted); font-style: italic; margin: 0.4rem 0 0; }
    .output-table { overflow-x: auto; } .output-table table { margin: 0; }
    .output-table caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
    .output-figure { margin: 0; } .output-figure svg { display: block; width: 100%; height: auto; color: var(--text); }
    figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.3rem; }
    .figure-files { white-space: nowrap; margin-left: 0.4rem; font-size: 0.85rem; }
    .keyword { color: var(--keyword); } .type { color: var(--type); } .string { color: var(--string); }
    .number { color: var(--number); } td.number, th.number { color: inherit; }
    .comment { color: var(--comment); font-style: italic; } .attribute { color: var(--attribute); }
    math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "DejaVu Math TeX Gyre", math;
           font-size: 1.1em; color: inherit; }
    math[display="block"] { margin: 0.8rem 0; padding: 0.2rem 0; overflow-x: auto; overflow-y: hidden; }
    mtext { white-space: nowrap; }
    .tex-aligned mtd { padding: 0.3ex 0; }
    .tex-aligned mtd:nth-child(odd) { text-align: right; text-align: -webkit-right; }
    .tex-aligned mtd:nth-child(even) { text-align: left; text-align: -webkit-left; }
    .tex-aligned mtd:nth-child(odd):not(:first-child) { padding-left: 2em; }
    .page-footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--border); padding-top: 0.8rem; }
    @media (max-width: 600px) { body { font-size: 16px; padding: 1rem 0.8rem 3rem; } pre { font-size: 0.78rem; } }
    @page { size: A4; margin: 16mm 15mm 18mm;
            @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #555; } }
    @media print {
      :root { color-scheme: light; --text: #000; --muted: #444; --background: #fff; --surface: #f7f7f7; --border: #bbb; }
      body { max-width: none; font-size: 11pt; color: #000; background: #fff; padding: 0; }
      .toc, a.anchor, .figure-files, .page-footer { display: none; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; border-color: #bbb; background: #f7f7f7; }
      .cell, figure, table, tr, .output-table { break-inside: avoid; }
      .output-table { overflow: visible; }
      h1, h2, h3, h4 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    @media print { math[display="block"] { break-inside: avoid; overflow: visible; } }
    """
}
