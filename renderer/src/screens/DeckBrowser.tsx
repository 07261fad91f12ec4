import type { DeckTreeNode } from '../../../shared/bridge';
import { useBridgeQuery } from '../bridge/context';

function DeckRow({ node, depth }: { node: DeckTreeNode; depth: number }) {
  return (
    <>
      <tr className="deck-row" data-deck-id={node.id}>
        <td className="deck-name" style={{ paddingLeft: `${depth * 1.25 + 0.5}rem` }}>
          {node.name}
        </td>
        <td className="count new">{node.newCount}</td>
        <td className="count learn">{node.learnCount}</td>
        <td className="count due">{node.reviewCount}</td>
      </tr>
      {node.children.map((child) => (
        <DeckRow key={child.id} node={child} depth={depth + 1} />
      ))}
    </>
  );
}

export function DeckBrowser() {
  const { data, error } = useBridgeQuery('decks.tree', {});
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <table className="deck-browser" aria-label="Decks">
      <thead>
        <tr>
          <th>Deck</th>
          <th>New</th>
          <th>Learn</th>
          <th>Due</th>
        </tr>
      </thead>
      <tbody>
        {data.map((node) => (
          <DeckRow key={node.id} node={node} depth={0} />
        ))}
      </tbody>
    </table>
  );
}
