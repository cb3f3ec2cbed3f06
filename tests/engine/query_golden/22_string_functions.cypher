RETURN toUpper('ergo') AS up, left('마이크로소프트', 4) AS left4, reverse('오픈AI') AS reversed,
       split('a,b,c', ',') AS parts, substring('Azure OpenAI', 6) AS tail, trim('  x  ') AS trimmed
