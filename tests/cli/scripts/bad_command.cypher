RETURN 1 AS one;
:frobnicate now
RETURN 2 AS two;
