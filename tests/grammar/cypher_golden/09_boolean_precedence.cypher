MATCH (n)
WHERE n.a OR n.b XOR n.c AND NOT n.d OR NOT NOT n.e
RETURN n
