// The graph of the golden exports: one of each property type, text that
// needs escaping, provenance, a month-precision date, money, an alias list.
CREATE (ms:Company:Organization {name: 'Microsoft', aliases: ['마이크로소프트', 'MS'], founded: date('1975-04-01'),
        founded_precision: 'month', employees: 221000, rating: 4.25, public: true, tags: [], motto: 'say "hi"\nit\'s \\ ok'})
CREATE (oa:Company {name: 'OpenAI', kind: 'AI lab; nonprofit, then capped'})
CREATE (sam:Person {name: 'Sam Altman', born: date('1985-04-22'), scores: [1.5, -0.0, 1e-300]})
CREATE (ms)-[:INVESTS_IN {amount: 1000000000, currency: 'USD', date: date('2019-07-22'), source: '001_009795713d7dc0a1', line: 4}]->(oa)
CREATE (sam)-[:CEO_OF {source: '001_009795713d7dc0a1', line: 10}]->(oa)
CREATE (oa)-[:PARTNERS_WITH {scope: ['Azure', 'research'], note: ''}]->(ms)
