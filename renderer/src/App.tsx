import { useEffect } from 'react';
import { useBridge, useBridgeQuery } from './bridge/context';
import { NavigationProvider, useNavigation } from './navigation';
import { registerCommand, runCommand } from './gui-commands';
import { screens } from './screens/registry';
import { EditOverlays, EditToolbarButtons } from './components/edit/EditOverlays';
import { StudyOverlays, StudyToolbarButtons } from './components/study/StudyOverlays';

/** Routes GuiCommands from main to the registered handlers and sends the answers back. */
function useGuiCommands() {
  const bridge = useBridge();
  const { navigate } = useNavigation();
  useEffect(() => registerCommand('navigate', (p) => {
    const { screen, ...params } = p as { screen: string } & Record<string, unknown>;
    navigate(screen, params);
    return true;
  }), [navigate]);
  useEffect(
    () =>
      bridge.on('gui.command', (command) => {
        runCommand(command.kind, command.payload).then(
          (result) => bridge.reply(command.id, result ?? null),
          (error: unknown) => bridge.reply(command.id, null, error instanceof Error ? error.message : String(error)),
        );
      }),
    [bridge],
  );
}

function Shell() {
  const { route, navigate } = useNavigation();
  const { data: info } = useBridgeQuery('app.info', {});
  useGuiCommands();
  const Screen = screens[route.screen] ?? screens.decks!;
  return (
    <div className="app">
      <header className="toolbar">
        <strong>Engram</strong>
        <nav>
          <button type="button" onClick={() => navigate('decks')}>Decks</button>
          <EditToolbarButtons />
          <StudyToolbarButtons />
        </nav>
        {info && <span className="profile">{info.profile}</span>}
      </header>
      <main>
        <Screen params={route.params ?? {}} />
      </main>
      <EditOverlays />
      <StudyOverlays />
    </div>
  );
}

export function App() {
  return (
    <NavigationProvider>
      <Shell />
    </NavigationProvider>
  );
}
