// Each document published after the Microsoft investment it reports, the
// delay, and its publication as a date-time at midnight in Seoul.
MATCH (:Company {name: 'Microsoft'})-[r:INVESTS_IN]->(:Company {name: 'OpenAI'})
WHERE r.date IS NOT NULL
MATCH (d:Document {name: r.source})
RETURN d.name, r.date, d.published, duration.between(r.date, d.published) AS delay,
       datetime({date: d.published, timezone: 'Asia/Seoul'}) AS seoul_midnight,
       datetime({date: d.published, timezone: 'Asia/Seoul'}).epochSeconds AS epoch
