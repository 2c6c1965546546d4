import crypto from 'node:crypto';
import { html, SafeHtml } from './html';

// The whole stylesheet of the public survey pages, inline: no external assets, no scripts, nothing to track.
// Phone first (360 px: NPS wraps 0–5 / 6–10 so each button stays ~48 px wide); the score points are native radios drawn as big buttons with a visible focus ring.
export const SURVEY_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:#f9fafb;color:#111827;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:42rem;margin:0 auto;padding:1.25rem 1rem 2rem}
.org{margin:0 0 1rem;font-size:1.125rem;font-weight:700;color:#1e3a8a}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:.5rem;padding:1.25rem}
h1{margin:0 0 .75rem;font-size:1.25rem;line-height:1.4}
p{margin:0 0 .75rem}
a{color:#1d4ed8}
fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}
legend{padding:0;margin-bottom:.75rem}
.scale{display:grid;gap:.5rem}
.scale.csat{grid-template-columns:repeat(5,minmax(0,1fr))}
.scale.ces{grid-template-columns:repeat(7,minmax(0,1fr))}
.scale.nps{grid-template-columns:repeat(6,minmax(0,1fr))}
@media (min-width:40rem){.scale.nps{grid-template-columns:repeat(11,minmax(0,1fr))}}
.point{position:relative;display:block}
.point input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.box{display:flex;align-items:center;justify-content:center;min-height:3rem;border:2px solid #6b7280;border-radius:.5rem;background:#fff;font-size:1.25rem;font-weight:600}
.point input:hover+.box{border-color:#1d4ed8}
.point input:checked+.box{background:#1d4ed8;border-color:#1e3a8a;color:#fff}
.point input:checked+.box::after{content:"\\2713";font-size:.875rem;margin-left:.125rem}
.point input:focus-visible+.box{outline:3px solid #1d4ed8;outline-offset:3px}
.ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.5rem;font-size:.875rem;color:#374151}
.ends span:last-child{text-align:right}
label.text{display:block;font-weight:600;margin-bottom:.375rem}
.hint{font-size:.875rem;color:#4b5563;margin:0 0 .375rem}
textarea{display:block;width:100%;min-height:8rem;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:.375rem;font:inherit;color:inherit}
.invalid textarea,.invalid .box{border-color:#b91c1c}
.error{margin:0 0 .5rem;color:#b91c1c;font-weight:600}
.field{margin-bottom:1.25rem}
button{min-height:2.75rem;width:100%;padding:.625rem 1.25rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#1e40af}
@media (min-width:40rem){button{width:auto}}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.note{border:1px solid #bfdbfe;background:#eff6ff;color:#1e3a8a;border-radius:.375rem;padding:.5rem .75rem;margin-bottom:1rem}
.problem{border:1px solid #fecaca;background:#fef2f2;color:#7f1d1d;border-radius:.375rem;padding:.5rem .75rem;margin-bottom:1rem}
footer{margin-top:1.5rem;font-size:.8125rem;color:#4b5563}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

// ours and free of markup: sent as it is, so its hash matches the CSP
const STYLE = new SafeHtml(SURVEY_CSS);
const CSS_HASH = crypto.createHash('sha256').update(SURVEY_CSS).digest('base64');

/** The pages' Content-Security-Policy: only the inline stylesheet above; no scripts, images, frames or outside requests. */
export const SURVEY_CSP = [
  "default-src 'none'", `style-src 'sha256-${CSS_HASH}'`, "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/** A rendered page: its title (without the org) and the markup inside <main>. */
export type SurveyView = { title: string; body: SafeHtml; footer?: SafeHtml };

/** A whole public survey document: the org's name on top, the page, a short footer; `<html lang="en">`, no scripts. */
export function surveyDocument(view: SurveyView, orgName: string | null): string {
  const title = orgName ? `${view.title} · ${orgName}` : view.title;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="wrap">
<header>${orgName ? html`<p class="org">${orgName}</p>` : null}</header>
<main class="card">${view.body}</main>
<footer>${view.footer ?? null}<p>${orgName ? `${orgName} asks this through Tenure.` : 'A Tenure survey page.'} No sign-in and no tracking.</p></footer>
</div>
</body>
</html>`.value;
}
