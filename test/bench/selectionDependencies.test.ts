import { dependenciesInstance } from '../../bench/selectionDependencies';

describe('the bench instance with dependencies', () => {
  const problem = dependenciesInstance(500, 4242);
  const links = problem.links!;

  test('has the shape the issue asks for: a fifth require another, some bundles, about 5% in sets of alternatives', () => {
    expect(links.requires.size).toBeGreaterThanOrEqual(100);
    expect(links.requires.size).toBeLessThanOrEqual(110);
    const bundles = [...links.requires].filter(([a, required]) => required.some((b) => links.requires.get(b)?.includes(a)));
    expect(bundles.length).toBeGreaterThanOrEqual(10);
    expect(links.alternatives.size).toBeGreaterThanOrEqual(25);
    expect(links.alternatives.size).toBeLessThanOrEqual(28);
  });

  test('alternatives go both ways and no initiative links to itself', () => {
    for (const [a, others] of links.alternatives) for (const b of others) expect(links.alternatives.get(b)).toContain(a);
    for (const map of [links.requires, links.alternatives]) for (const [a, others] of map) expect(others).not.toContain(a);
  });

  test('is the same on every run', () => {
    expect(dependenciesInstance(500, 4242).links).toEqual(links);
  });
});
