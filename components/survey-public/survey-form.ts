import type { SurveyKind } from '@/db/schema/enums';
import { COMMENT_MAX, SCALE_WORDS, scalePoints, type AnswerErrors } from '@/lib/validation/survey-answer';
import { html } from './html';
import type { SurveyView } from './document';

export type SurveyFormProps = {
  token: string;
  kind: SurveyKind;
  question: string;
  followUpQuestion: string | null;
  /** a person's link (not the anonymous one) offers the unsubscribe link */
  personal: boolean;
  errors?: AnswerErrors;
  /** what to show as chosen and typed: the posted values after an error, or the stored answer */
  values?: { score?: string; comment?: string };
  /** the stored answer that a submit would replace, with when that stops being possible */
  changeableUntil?: Date;
};

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function scale(p: SurveyFormProps) {
  const points = scalePoints(p.kind);
  const words = SCALE_WORDS[p.kind];
  const chosen = p.values?.score;
  const invalid = Boolean(p.errors?.score);
  const lo = points[0];
  const hi = points[points.length - 1];
  return html`<fieldset${invalid ? html` aria-describedby="score-error"` : null}>
<legend><h1>${p.question}</h1><span class="sr-only">Choose a score from ${lo} (${words[lo]}) to ${hi} (${words[hi]}).</span></legend>
${invalid ? html`<p class="error" id="score-error"><span class="sr-only">Error: </span>${p.errors!.score}</p>` : null}
<div class="scale ${p.kind}${invalid ? ' invalid' : ''}">
${points.map((n, i) => html`<label class="point"><input type="radio" name="score" value="${n}"${String(n) === chosen ? html` checked` : null}${invalid && i === 0 ? html` autofocus aria-invalid="true"` : null}><span class="box">${n}</span>${words[n] ? html`<span class="sr-only">(${words[n]})</span>` : null}</label>`)}
</div>
<div class="ends" aria-hidden="true"><span>${lo} · ${words[lo]}</span><span>${hi} · ${words[hi]}</span></div>
</fieldset>`;
}

function followUp(p: SurveyFormProps) {
  if (!p.followUpQuestion) return null;
  const error = p.errors?.comment;
  const describedBy = error ? 'comment-error comment-hint' : 'comment-hint';
  return html`<div class="field${error ? ' invalid' : ''}">
<label class="text" for="comment">${p.followUpQuestion}</label>
<p class="hint" id="comment-hint">Optional, up to ${COMMENT_MAX.toLocaleString('en')} characters.</p>
${error ? html`<p class="error" id="comment-error"><span class="sr-only">Error: </span>${error}</p>` : null}
<textarea id="comment" name="comment" rows="5" maxlength="${COMMENT_MAX}" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : null}${error && !p.errors?.score ? html` autofocus` : null}>${p.values?.comment ?? ''}</textarea>
</div>`;
}

/**
 * The survey: the question as the legend of a row of score buttons (native radios, so arrow keys and screen
 * readers work), the follow-up box, one submit button. Posts score and comment only, to the link's own URL.
 */
export function surveyFormView(p: SurveyFormProps): SurveyView {
  const hasErrors = Boolean(p.errors?.score || p.errors?.comment);
  const body = html`${hasErrors ? html`<div class="problem" role="alert">There is a problem with your answer: see the message next to the field.</div>` : null}
${p.changeableUntil ? html`<p class="note">You have answered already. You can change your answer until ${when.format(p.changeableUntil)} UTC.</p>` : null}
<form method="post" action="/s/${p.token}" data-survey-form>
${scale(p)}
${followUp(p)}
<button type="submit">${p.changeableUntil ? 'Update my answer' : 'Send my answer'}</button>
</form>`;
  const footer = p.personal ? html`<p><a href="/s/${p.token}/unsubscribe">Do not send me surveys</a></p>` : undefined;
  return { title: hasErrors ? 'Error: Your feedback' : 'Your feedback', body, footer };
}
