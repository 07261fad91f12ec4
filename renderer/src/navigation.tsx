import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** Screens are addressed by name with optional params (deck id, search, note id…). */
export interface Route {
  screen: string;
  params?: Record<string, unknown>;
}

interface Navigation {
  route: Route;
  navigate(screen: string, params?: Record<string, unknown>): void;
  back(): void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children, initial }: { children: ReactNode; initial?: Route }) {
  const [stack, setStack] = useState<Route[]>([initial ?? { screen: 'decks' }]);
  const navigate = useCallback((screen: string, params?: Record<string, unknown>) => {
    setStack((s) => [...s.slice(-20), { screen, params }]);
  }, []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const route = stack[stack.length - 1]!;
  return <NavigationContext.Provider value={{ route, navigate, back }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}
