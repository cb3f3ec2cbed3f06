// The procedures Neo4j's tools call to learn a graph: its labels, each
// once, as they first appeared.
CALL db.labels() YIELD label
RETURN collect(label) AS labels
