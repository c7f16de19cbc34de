/// The CSS a course adds to its pages: the sidebar beside the lesson on wide screens, a
/// collapsed menu above it on narrow ones, the breadcrumb, the pager and the downloads; none
/// of it is printed.
enum SiteStylesheet {
    static let css = """
    body:has(> .course-layout) { max-width: 78rem; }
    .course-layout { display: flex; gap: 2.5rem; align-items: flex-start; }
    .course-page { flex: 1 1 auto; min-width: 0; max-width: 50rem; }
    .course-sidebar { flex: 0 0 15rem; position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow-y: auto;
                      font-size: 0.92rem; padding-top: 0.6rem; }
    .course-name { font-weight: 700; margin: 0 0 0.8rem; } .course-name a { color: var(--text); text-decoration: none; }
    .course-part { margin: 1rem 0 0.3rem; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em;
                   color: var(--muted); font-weight: 600; }
    .course-lessons { list-style: none; margin: 0; padding: 0; }
    .course-lessons a { display: block; padding: 0.3rem 0.6rem; border-radius: 6px; text-decoration: none;
                        color: var(--text); line-height: 1.35; }
    .course-lessons a:hover { background: var(--surface); }
    .course-lessons a[aria-current="page"] { background: var(--surface); color: var(--accent); font-weight: 600;
                                             box-shadow: inset 3px 0 0 var(--accent); }
    .search-form { display: flex; gap: 0.3rem; margin: 0 0 0.6rem; }
    .search-form input { flex: 1; min-width: 0; font: inherit; padding: 0.35rem 0.5rem; color: var(--text);
                         background: var(--background); border: 1px solid var(--border); border-radius: 6px; }
    .search-form button { font: inherit; padding: 0.35rem 0.7rem; border: 1px solid var(--border); border-radius: 6px;
                          background: var(--surface); color: var(--text); cursor: pointer; }
    .course-menu { display: none; background: var(--surface); border: 1px solid var(--border); border-radius: 8px;
                   padding: 0.5rem 0.9rem; margin-bottom: 1rem; }
    .course-menu summary { font-weight: 600; cursor: pointer; }
    .course-menu[open] summary { margin-bottom: 0.6rem; }
    .breadcrumb ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem;
                     font-size: 0.88rem; color: var(--muted); }
    .breadcrumb li + li::before { content: "›"; margin-right: 0.35rem; }
    .downloads { margin-top: 3rem; } .downloads h2 { font-size: 1.2rem; } .downloads ul { padding-left: 1.2rem; }
    .lesson-pager { display: flex; gap: 1rem; margin-top: 2rem; }
    .lesson-pager a { flex: 1 1 0; border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0.9rem;
                      text-decoration: none; line-height: 1.35; }
    .lesson-pager a span { display: block; font-size: 0.8rem; color: var(--muted); }
    .lesson-pager .next { text-align: right; margin-left: auto; }
    .course-description { font-size: 1.1rem; color: var(--muted); }
    .lesson-list { list-style: none; padding: 0; margin: 0; }
    .lesson-entry { border: 1px solid var(--border); border-radius: 8px; padding: 0.2rem 1rem; margin: 0.8rem 0; }
    .lesson-entry h3 { margin: 0.7rem 0 0.3rem; } .lesson-entry h3 a { text-decoration: none; }
    .lesson-entry p { margin: 0.3rem 0 0.7rem; } .lesson-facts { color: var(--muted); font-size: 0.88rem; }
    .search-results { padding-left: 1.2rem; } .search-results li { margin: 0 0 1rem; }
    .search-results a { font-weight: 600; } .search-lesson { display: block; font-size: 0.85rem; color: var(--muted); }
    .search-results p { margin: 0.2rem 0 0; } mark { background: #ffe58a; color: #000; border-radius: 2px; }
    @media (max-width: 62rem) {
      .course-layout { display: block; } .course-sidebar { display: none; } .course-menu { display: block; }
      .lesson-pager { flex-direction: column; } .lesson-pager .next { margin-left: 0; }
    }
    @media print {
      .course-sidebar, .course-menu, .breadcrumb, .downloads, .lesson-pager { display: none; }
      .course-layout { display: block; } .course-page { max-width: none; }
    }
    """
}
