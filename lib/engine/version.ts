/** The engine's version, recorded with every verdict and printed by `smslint --version`; a test keeps it equal to package.json's. */
export const ENGINE_VERSION = '0.1.0';
