/* comment */ MATCH (n) // trailing
RETURN n