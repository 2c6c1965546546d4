/** What came back: the status and the parsed JSON body (null when it was not JSON). */
export type PostResult = { status: number; body: unknown };

/**
 * POSTs a form with XMLHttpRequest, because fetch cannot report upload progress. `onProgress`
 * gets bytes sent and the total (null when unknown); `onSent` fires when the upload is done and
 * the server is working on it.
 */
export function postForm(url: string, form: FormData, onProgress: (loaded: number, total: number | null) => void, onSent: () => void): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : null);
    xhr.upload.onload = onSent;
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error('The upload failed.'));
    xhr.send(form);
  });
}

/** The user-facing message of an error response `{ error: { message } }`, or a plain fallback. */
export function errorMessage(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : 'Something went wrong. Nothing was imported; please try again.';
}
