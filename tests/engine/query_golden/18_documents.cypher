MATCH (d:Document)
RETURN d.name AS id, d.kind AS kind, d.publisher AS publisher, d.published AS published
ORDER BY id
