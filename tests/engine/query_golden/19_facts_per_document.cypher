MATCH ()-[r]->()
RETURN r.source AS document, count(*) AS facts
ORDER BY document
