/** Where things live. Later features register their routes beside these. */
export const paths = {
  home: '/',
  help: '/ayuda',
  privacy: '/aviso-de-privacidad',
  createAccount: '/cuenta/crear',
  activateAccount: '/cuenta/activar',
  accountInfo: '/cuenta/informacion',
  recoverAccount: '/cuenta/recuperar',
  resetPassword: '/cuenta/restablecer',
  changePassword: '/cuenta/contrasena',
  /** The signed-in traveller's main screen (R-DOC-1). */
  main: '/principal',
  registerDocument: '/documentos/registrar',
  /** `#/documentos/servicios/{documentId}` (R-PRE-1). */
  services: '/documentos/servicios',
  /** `#/preregistro/nuevo/{documentId}`: pre-check and variant choice (R-PRE-2, R-PRE-7). */
  preregistrationStart: '/preregistro/nuevo',
  /** `#/preregistro/registro/{preregistrationId}`: the wizard over the server's draft (R-PRE-3). */
  preregistrationWizard: '/preregistro/registro',
  history: '/historial',
  verifyFmme: '/verificar',
  /** Where the gateway sends a sign-in it could not complete. */
  signInFailed: '/ingreso-fallido',
  /** Operators only: `#/operacion/mensajes-no-procesados[/{id}]`, the dead letters (R-OPS-4). */
  deadLetters: '/operacion/mensajes-no-procesados',
} as const;

/** Browser sign-in: the gateway starts OIDC code + PKCE against Keycloak (see API.md). */
export const SIGN_IN_URL = '/oauth2/authorization/keycloak';

/** Sign-out: a POST with the CSRF token; the gateway also ends the Keycloak session. */
export const SIGN_OUT_URL = '/logout';

export const CONTACT = {
  phoneTel: '+528000046264',
  twitterHandle: '@INAMI_mx',
  twitterUrl: 'https://twitter.com/INAMI_mx',
  facebookHandle: '@InamiMX',
  facebookUrl: 'https://www.facebook.com/InamiMX',
} as const;
