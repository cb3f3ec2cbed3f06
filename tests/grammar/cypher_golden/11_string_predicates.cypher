MATCH (n)
WHERE n.name STARTS WITH 'Azure' OR n.name ENDS WITH 'AI' OR n.name CONTAINS 'GPT' OR n.name =~ '(?i)open.*'
RETURN n.name AS name
