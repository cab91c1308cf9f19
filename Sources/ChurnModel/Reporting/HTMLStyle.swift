/// The inline style sheet of `report.html`: a readable column on screen, A4/Letter pages in
/// print, charts scaled to the text width, tables kept within it (smaller type, headers that
/// wrap), and no figure or short table split across pages. `scripts/check-reports.sh` prints
/// every report kind on both papers and fails on anything wider than the printable width.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --band: #f6f8fa; --accent: #0072B2; --warning: #8a4b00; }
        * { box-sizing: border-box; }
        html { font-family: "Liberation Sans", "Helvetica Neue", Arial, system-ui, sans-serif; color: var(--ink); font-size: 15px; line-height: 1.45; }
        body { margin: 0; background: #fff; }
        main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.6rem; margin: 0 0 0.8rem; line-height: 1.25; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        .key-figures ul { list-style: none; padding: 0; margin: 0; }
        .key-figures li { margin: 0 0 0.45rem; padding: 0.45rem 0.7rem; border-left: 4px solid var(--rule); background: var(--band); overflow-wrap: anywhere; }
        .warnings ul { padding-left: 1.2rem; margin: 0 0 1rem; }
        .warnings li { margin: 0 0 0.3rem; color: var(--warning); overflow-wrap: anywhere; }
        .key-figures li.lead { font-size: 1.15rem; font-weight: 600; border-left-color: var(--accent); }
        figure.chart-block { margin: 1.2rem 0 1.8rem; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: 0.3rem; overflow-wrap: anywhere; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
        svg.chart text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg.chart .axis-title { font-size: 12.5px; fill: var(--muted); }
        svg.chart .grid line { stroke: #e6e9ed; stroke-width: 1; }
        svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
        svg.chart .reference { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 3; }
        svg.chart .whisker { stroke: var(--ink); stroke-width: 1.6; }
        .legend { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.9rem; }
        .legend li { display: flex; align-items: center; gap: 0.4rem; }
        .swatch { display: inline-block; width: 22px; height: 10px; }
        .note, .elsewhere { color: var(--muted); font-size: 0.9rem; margin: 0.4rem 0; overflow-wrap: anywhere; }
        .table-block { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; max-width: 100%; overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.88rem; margin: 0.4rem 0; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
        th, td { padding: 0.22rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
        thead th { border-bottom: 2px solid var(--muted); text-align: right; }
        thead th:first-child { text-align: left; }
        tbody th { text-align: left; font-weight: 600; }
        td.num, td.missing { text-align: right; white-space: nowrap; }
        td.missing { color: var(--muted); font-style: italic; }
        td.text { text-align: left; overflow-wrap: break-word; }
        table.transposed td { text-align: right; }
        .audit-facts th { width: 14rem; }
        code { font-size: 0.85em; }
        @page { margin: 14mm 12mm; }
        @media print {
          html { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          .table-block { overflow: visible; }
          table { max-width: 100%; font-size: 0.82rem; }
          th, td { padding: 0.18rem 0.4rem; }
          th { overflow-wrap: break-word; }
          figure.chart-block, .legend, .note { break-inside: avoid; page-break-inside: avoid; }
          figcaption { break-after: avoid; page-break-after: avoid; }
          svg.chart { max-height: 120mm; }
        }
        """
}
