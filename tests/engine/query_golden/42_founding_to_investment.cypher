// How long after OpenAI's founding (a month: 2015-12) each dated investment
// in it came, as a calendar duration and in days.
MATCH (o:Company {name: 'OpenAI'})<-[i:INVESTS_IN]-(investor)
WHERE i.date IS NOT NULL
RETURN investor.name, o.founded, i.date, duration.between(o.founded, i.date) AS after,
       duration.inDays(o.founded, i.date).days AS days
