import bcrypt from 'bcryptjs';

const COST = 10;

/** bcrypt hash of a password (cost 10, about 70 ms on these machines). */
export const hashPassword = (password: string) => bcrypt.hash(password, COST);

/** Constant-time check of a password against a bcrypt hash. */
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// A real hash of a random string: comparing against it when the user does not exist takes as long
// as a real check, so response time does not reveal which emails have accounts.
export const DUMMY_HASH = '$2b$10$jPphm5LBoEiX3MWfMVMMLOZ2i.CNBe2lvI0MvqKhjrEWZUU/wEKUG';
