/**
 * Launcher styles, adopted as a constructable stylesheet inside the shadow root: works under a
 * strict CSP (no inline style), and `all: initial` on the host keeps the page's styles out.
 */
export const LAUNCHER_CSS = `
:host{all:initial;position:fixed;z-index:2147483000;inset-block-end:20px;inset-inline-end:20px;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#111827}
.launcher{all:unset;box-sizing:border-box;cursor:pointer;width:56px;height:56px;border-radius:50%;background:#2563eb;color:#fff;display:grid;place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.25);position:relative}
.launcher:hover{background:#1d4ed8}
.launcher:focus-visible{outline:3px solid #f59e0b;outline-offset:3px}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;inset-block-start:-4px;inset-inline-end:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:700;display:grid;place-items:center}
.badge[hidden]{display:none}
@media (prefers-reduced-motion:no-preference){.launcher{transition:background .15s}}
`;
