PROFILE MATCH (n) RETURN count(n);
MATCH (n:Person) RETURN n.name;
RETURN 1 AS done;
