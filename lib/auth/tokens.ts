import crypto from 'node:crypto';

/** A URL-safe random token of 128 bits (never stored: only its hash is). */
export const newToken = () => crypto.randomBytes(16).toString('base64url');

/** SHA-256 of a token, hex: what the database keeps and looks tokens up by. */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
