// :render draws the last answer; before any query there is none.
:render
RETURN 1 AS never;
