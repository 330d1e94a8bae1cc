/** The JOSE library, loaded only through `import()` from the JWT verifiers. */
export { compactVerify, importJWK, importSPKI, calculateJwkThumbprint } from 'jose';
