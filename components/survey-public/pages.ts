import { html } from './html';
import type { SurveyView } from './document';

// Every state a survey link can be in, as a short page in plain words. None of them shows an error's details.

/** After an answer was stored. */
export function thanksView(token: string, orgName: string): SurveyView {
  return {
    title: 'Thank you',
    body: html`<h1>Thank you</h1>
<p role="status">Your answer was sent to ${orgName}.</p>
<p>Changed your mind? For 24 hours you can <a href="/s/${token}">change your answer</a>.</p>`,
  };
}

/** The link's expiry date has passed. */
export const expiredView = (orgName: string): SurveyView => ({
  title: 'This survey link has expired',
  body: html`<h1>This survey link has expired</h1>
<p>It no longer takes answers. If you still want to give feedback, reply to the email from ${orgName} or ask them for a new link.</p>`,
});

/** The survey was closed by the org. */
export const closedView = (orgName: string): SurveyView => ({
  title: 'This survey is closed',
  body: html`<h1>This survey is closed</h1>
<p>${orgName} is no longer collecting answers to it. Thank you for your interest.</p>`,
});

/** The survey is still a draft. */
export const notOpenView = (orgName: string): SurveyView => ({
  title: 'This survey is not open yet',
  body: html`<h1>This survey is not open yet</h1>
<p>${orgName} has not started it. Please try the link again later.</p>`,
});

/** An answer older than 24 hours cannot be changed. */
export const tooLateView = (): SurveyView => ({
  title: 'You have already answered',
  body: html`<h1>You have already answered</h1>
<p>Thank you, we have your answer. Answers can be changed for 24 hours after they are sent, and that time has passed.</p>`,
});

/** No such link (or a mistyped one): the 404 page. */
export const unknownView = (): SurveyView => ({
  title: 'Survey link not found',
  body: html`<h1>We could not find this survey</h1>
<p>The link may be mistyped or incomplete. Please open it again from the email you received, or ask the sender for a new one.</p>`,
});

/** Too many submissions in a short time. */
export const rateLimitedView = (retryAfterSec: number): SurveyView => ({
  title: 'Please wait a moment',
  body: html`<h1>Please wait a moment</h1>
<p role="alert">We received many answers from you in a short time. Please try again in ${Math.max(1, Math.ceil(retryAfterSec / 60))} minute${retryAfterSec > 60 ? 's' : ''}.</p>`,
});

/** A body larger than any real answer. */
export const tooLargeView = (): SurveyView => ({
  title: 'Answer too long',
  body: html`<h1>Your answer is too long</h1>
<p role="alert">Please go back, shorten your comment to 2,000 characters or fewer, and send it again.</p>`,
});

/** Anything unexpected: logged on the server, never shown. */
export const failedView = (): SurveyView => ({
  title: 'Something went wrong',
  body: html`<h1>Something went wrong</h1>
<p role="alert">Your answer could not be saved just now. Please try again in a moment.</p>`,
});

/** The unsubscribe page: a GET shows this confirm form; only the POST changes anything. */
export const unsubscribeView = (token: string, orgName: string): SurveyView => ({
  title: 'Stop survey emails',
  body: html`<h1>Stop survey emails from ${orgName}?</h1>
<p>You will not be asked to take surveys from ${orgName} any more. Answers you already gave are kept.</p>
<form method="post" action="/s/${token}/unsubscribe"><button type="submit">Yes, stop sending me surveys</button></form>`,
});

/** After unsubscribing. */
export const unsubscribedView = (orgName: string): SurveyView => ({
  title: 'You are unsubscribed',
  body: html`<h1>You are unsubscribed</h1>
<p role="status">${orgName} will not send you surveys any more.</p>`,
});

/** The anonymous link has nobody to unsubscribe. */
export const noPersonView = (): SurveyView => ({
  title: 'Nothing to unsubscribe',
  body: html`<h1>This link is not tied to a person</h1>
<p>It is a shared survey link, so there is no email address to unsubscribe. You will not get emails because of it.</p>`,
});
