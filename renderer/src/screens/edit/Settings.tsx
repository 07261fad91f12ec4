import { useEffect, useState, type FormEvent } from 'react';
import type { ApiSettingsView, SettingsView, Theme } from '../../../../shared/bridge/edit';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import { PromptDialog } from '../../components/edit/PromptDialog';
import { applyTheme } from '../../components/edit/theme';
import { errorText } from '../../components/edit/useEditData';

interface ApiForm {
  webBindAddress: string;
  webBindPort: string;
  webCorsOriginList: string;
  ignoreOriginList: string;
  apiKey: string;
}

function formOf(api: ApiSettingsView): ApiForm {
  return {
    webBindAddress: api.webBindAddress,
    webBindPort: String(api.webBindPort),
    webCorsOriginList: api.webCorsOriginList.join('\n'),
    ignoreOriginList: api.ignoreOriginList.join('\n'),
    apiKey: api.apiKey ?? '',
  };
}

const lines = (text: string) => text.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean);

/** Settings: the AnkiConnect API, profiles and the theme. */
export function Settings() {
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const [view, setView] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<ApiForm | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [prompt, setPrompt] = useState<{ kind: 'create' } | { kind: 'rename'; from: string } | null>(null);

  const show = (next: SettingsView, note = '') => {
    setView(next);
    setForm(formOf(next.api));
    setError(null);
    setMessage(note);
  };

  useEffect(() => {
    bridge.invoke('settings.get', {}).then(show, (e: unknown) => setError(errorText(e)));
  }, [bridge]);

  const act = (work: Promise<SettingsView>, note: string) => work.then((next) => show(next, note), (e: unknown) => setError(errorText(e)));

  /** Only what the user changed is saved, so values set by flags or the environment are not written to the file. */
  const saveApi = (event: FormEvent) => {
    event.preventDefault();
    if (!form || !view) return;
    const before = formOf(view.api);
    const patch: Partial<ApiSettingsView> = {};
    if (form.webBindAddress !== before.webBindAddress) patch.webBindAddress = form.webBindAddress;
    if (form.webBindPort !== before.webBindPort) patch.webBindPort = Number(form.webBindPort);
    if (form.webCorsOriginList !== before.webCorsOriginList) patch.webCorsOriginList = lines(form.webCorsOriginList);
    if (form.ignoreOriginList !== before.ignoreOriginList) patch.ignoreOriginList = lines(form.ignoreOriginList);
    if (form.apiKey !== before.apiKey) patch.apiKey = form.apiKey.trim() || null;
    void act(bridge.invoke('settings.saveApi', patch), Object.keys(patch).length ? 'API settings saved.' : 'Nothing changed.');
  };

  const setTheme = (theme: Theme) => {
    applyTheme(theme);
    setView((v) => (v ? { ...v, theme } : v));
    void act(bridge.invoke('settings.theme', { theme }), '');
  };

  if (!view || !form) return <div className="edit-screen">{error ? <p role="alert">{error}</p> : <p>Loading…</p>}</div>;
  const restart = view.api.webBindAddress !== view.running.address || view.api.webBindPort !== view.running.port;
  const runningPort = view.running.port === 0 ? 'a port chosen at startup' : `port ${view.running.port}`;

  return (
    <div className="edit-screen settings">
      <h1 className="screen-title">Settings</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="status settings-message" role="status">
        {message}
      </p>

      <section aria-labelledby="settings-api">
        <h2 id="settings-api">AnkiConnect API</h2>
        <form onSubmit={saveApi}>
          <label className="form-row">
            <span>Bind address</span>
            <input type="text" value={form.webBindAddress} onChange={(e) => setForm({ ...form, webBindAddress: e.target.value })} />
          </label>
          <label className="form-row">
            <span>Port</span>
            <input type="number" value={form.webBindPort} onChange={(e) => setForm({ ...form, webBindPort: e.target.value })} />
          </label>
          {restart && (
            <p className="notice" role="note">
              The API listens on {view.running.address}, {runningPort}, until Engram restarts; the new address and port apply after a restart.
            </p>
          )}
          <label className="form-row" style={{ alignItems: 'flex-start' }}>
            <span>Trusted origins (CORS), one per line</span>
            <textarea value={form.webCorsOriginList} onChange={(e) => setForm({ ...form, webCorsOriginList: e.target.value })} />
          </label>
          <label className="form-row" style={{ alignItems: 'flex-start' }}>
            <span>Ignored origins, one per line</span>
            <textarea value={form.ignoreOriginList} onChange={(e) => setForm({ ...form, ignoreOriginList: e.target.value })} />
          </label>
          <label className="form-row">
            <span>API key</span>
            <input type="text" value={form.apiKey} placeholder="none: no key required" autoComplete="off" onChange={(e) => setForm({ ...form, apiKey: e.target.value })} />
          </label>
          <p className="muted">Origins and the API key apply to the next request; no restart is needed.</p>
          <button type="submit" className="primary">
            Save API settings
          </button>
        </form>
      </section>

      <section aria-labelledby="settings-profiles">
        <h2 id="settings-profiles">Profiles</h2>
        <ul className="list-box" aria-label="Profiles">
          {view.profiles.map((name) => (
            <li key={name} aria-selected={name === view.activeProfile} className="profile-row">
              <span>{name}</span>
              {name === view.activeProfile ? (
                <span className="muted"> (open)</span>
              ) : (
                <button type="button" className="link" style={{ marginLeft: '0.75rem' }} onClick={() => void act(bridge.invoke('profiles.switch', { name }), `Switched to ${name}.`)}>
                  Open
                </button>
              )}
              <button type="button" className="link" style={{ marginLeft: '0.75rem' }} onClick={() => setPrompt({ kind: 'rename', from: name })}>
                Rename
              </button>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" onClick={() => setPrompt({ kind: 'create' })}>
            New profile
          </button>
        </div>
      </section>

      <section aria-labelledby="settings-theme">
        <h2 id="settings-theme">Theme</h2>
        <div role="radiogroup" aria-labelledby="settings-theme" className="button-row">
          {(['light', 'dark', 'system'] as const).map((theme) => (
            <label key={theme} className="form-row" style={{ margin: 0, marginRight: '1rem' }}>
              <input type="radio" name="theme" value={theme} checked={view.theme === theme} onChange={() => setTheme(theme)} />
              {theme === 'system' ? 'Follow the system' : theme === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </div>
      </section>

      <section aria-labelledby="settings-more">
        <h2 id="settings-more">More</h2>
        <div className="button-row">
          <button type="button" onClick={() => navigate('notetypes')}>
            Manage Note Types
          </button>
          <button type="button" onClick={() => navigate('import')}>
            Import…
          </button>
          <button type="button" onClick={() => navigate('export')}>
            Export…
          </button>
        </div>
      </section>

      {prompt?.kind === 'create' && (
        <PromptDialog
          title="New Profile"
          label="Name"
          submitLabel="Create"
          onClose={() => setPrompt(null)}
          onSubmit={(name) => {
            setPrompt(null);
            void act(bridge.invoke('profiles.create', { name }), `Profile ${name} created.`);
          }}
        />
      )}
      {prompt?.kind === 'rename' && (
        <PromptDialog
          title="Rename Profile"
          label="New name"
          initial={prompt.from}
          onClose={() => setPrompt(null)}
          onSubmit={(to) => {
            setPrompt(null);
            void act(bridge.invoke('profiles.rename', { from: prompt.from, to }), `Profile renamed to ${to}.`);
          }}
        />
      )}
    </div>
  );
}
