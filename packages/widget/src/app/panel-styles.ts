/**
 * Panel styles, adopted into the shadow root beside the launcher's (strict-CSP safe). The panel
 * is placed physically (right), not logically, so an RTL panel stays above the launcher; the
 * site's branding sheet (brand-css.ts) comes after and may move both. Touch screens get 44 px
 * targets (WCAG 2.5.5), and the composer's text is 16 px so iOS does not zoom into it.
 */
export const PANEL_CSS = `
.panel{position:fixed;bottom:88px;right:20px;width:min(380px,calc(100vw - 24px));height:min(580px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;color:#111827;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden;font:inherit;text-align:start}
@media (max-width:480px){.panel{inset:0;width:100vw;height:100%;border-radius:0}}
.header{display:flex;align-items:center;gap:10px;padding:10px 12px 10px 16px;background:#2563eb;color:#fff}
.avatar{width:36px;height:36px;border-radius:50%;flex:none;object-fit:cover;background:#fff;box-shadow:0 0 0 2px currentColor}
.who{flex:1;min-width:0}
.header h2{margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.reply-time{margin:2px 0 0;font-size:13px;opacity:.9}
button{font:inherit;cursor:pointer}
.close{all:unset;box-sizing:border-box;cursor:pointer;font-size:24px;line-height:1;min-width:36px;min-height:36px;display:grid;place-items:center;border-radius:6px}
.close:focus-visible,.send:focus-visible,.retry:focus-visible,.chip:focus-visible,textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.notice{margin:0;padding:8px 16px;background:#fef3c7;color:#78350f;font-size:13px}
.messages{list-style:none;margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:8px}
.message{max-width:85%;align-self:flex-start;background:#f3f4f6;border-radius:12px;padding:8px 12px}
.message.own{align-self:flex-end;background:#dbeafe}
.message.with-avatar{position:relative;margin-inline-start:36px;max-width:calc(85% - 36px)}
.mini-avatar{position:absolute;inset-inline-start:-36px;inset-block-start:0;width:28px;height:28px;border-radius:50%;object-fit:cover}
.message.failed{background:#fee2e2}
.author{display:block;font-size:12px;color:#4b5563;margin-block-end:2px}
.text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.state{display:block;font-size:12px;color:#4b5563;margin-block-start:4px}
.retry{all:unset;cursor:pointer;color:#1d4ed8;text-decoration:underline}
.translated{display:block;font-size:12px;color:#4b5563;margin-block-start:4px}
.link{all:unset;cursor:pointer;color:#1d4ed8;text-decoration:underline}
.link:focus-visible,.retry:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
.quick{display:flex;flex-wrap:wrap;gap:6px;margin-block-start:8px}
.chip{border:1px solid #2563eb;border-radius:999px;padding:4px 12px;background:#fff;color:#1d4ed8;font-size:13px}
.chip:hover{background:#eff6ff}
.end{height:0;padding:0;margin:0}
.typing{margin:0;padding:4px 16px;font-size:13px;color:#4b5563}
.typing:empty{display:none}
.typist{font-weight:600}
.composer{display:flex;gap:8px;padding:10px;border-block-start:1px solid #e5e7eb}
textarea{flex:1;resize:none;font:inherit;font-size:16px;padding:8px;border:1px solid #d1d5db;border-radius:8px;color:#111827;background:#fff}
.send{border:0;border-radius:8px;padding:0 14px;background:#2563eb;color:#fff;font-weight:600}
.send:disabled{background:#9ca3af;cursor:default}
@media (pointer:coarse){.close,.send,.chip,.retry,.link{min-width:44px;min-height:44px;box-sizing:border-box}.retry,.link{display:inline-grid;place-items:center}.chip{padding:8px 14px}}
`;
