// A real OpenID Connect provider on loopback for tests/hub/test_logins.py: the certified
// `oidc-provider` from npm (installed into .venv/node by `make proxy`), with its development
// login and consent pages. Usage: node oidc_provider.mjs PORT CLIENT_ID SECRET REDIRECT_URI
// with OIDC_ACCOUNTS='{"login": {"email": "...", "groups": ["..."]}}' in the environment.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// ESM does not read NODE_PATH: the package is loaded from .venv/node by its path.
const modules = process.env.NODE_MODULES;
const { default: Provider } = await import(
  pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href);

const [port, clientId, secret, redirect] = process.argv.slice(2);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId,
    client_secret: secret,
    redirect_uris: [redirect],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email'], profile: ['name'], groups: ['groups'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  cookies: { keys: ['microcred-test-only'] },
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, ...(accounts[id] || {}) }),
  }),
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
