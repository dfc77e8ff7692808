/**
 * R-ACC-3 password policy, as the server checks it: at least 8 characters, a digit, an upper-case
 * and a lower-case letter, a special character from ! @ # $ % ^ & *, and nothing else
 * (so `.`, `ñ`, `Ñ`, accents and spaces are rejected).
 */
export const PASSWORD_SPECIALS = '!@#$%^&*';

export type PasswordRule = 'length' | 'digit' | 'upper' | 'lower' | 'special' | 'allowed';

export const PASSWORD_RULES: readonly PasswordRule[] = ['length', 'digit', 'upper', 'lower', 'special', 'allowed'];

const CHECKS: Record<PasswordRule, (password: string) => boolean> = {
  length: (p) => [...p].length >= 8,
  digit: (p) => /[0-9]/.test(p),
  upper: (p) => /[A-Z]/.test(p),
  lower: (p) => /[a-z]/.test(p),
  special: (p) => /[!@#$%^&*]/.test(p),
  allowed: (p) => /^[A-Za-z0-9!@#$%^&*]*$/.test(p),
};

export function checkPassword(password: string): Record<PasswordRule, boolean> {
  const result = {} as Record<PasswordRule, boolean>;
  for (const rule of PASSWORD_RULES) result[rule] = CHECKS[rule](password);
  return result;
}

export function isValidPassword(password: string): boolean {
  return PASSWORD_RULES.every((rule) => CHECKS[rule](password));
}
