// Map projection picks a node's properties by name (.name; a missing one
// is null), takes all of them (.*), and adds computed values (key: value)
// and variables; a later key replaces an earlier one.
MATCH (o:Company {name: 'OpenAI'})
RETURN o {.name, .founded, .missing, labels: labels(o)} AS picked,
       o {.*, kind: 'replaced'} AS everything,
       o {.name, o}.o = o AS variable_selector
