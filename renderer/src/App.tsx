import { DeckBrowser } from './screens/DeckBrowser';
import { useBridgeQuery } from './bridge/context';

export function App() {
  const { data: info } = useBridgeQuery('app.info', {});
  return (
    <div className="app">
      <header className="toolbar">
        <strong>Engram</strong>
        {info && <span className="profile">{info.profile}</span>}
      </header>
      <main>
        <DeckBrowser />
      </main>
    </div>
  );
}
