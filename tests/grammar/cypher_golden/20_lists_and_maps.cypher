RETURN [] AS empty_list, [1, 'two', [3.0, null], {four: 4}] AS mixed,
       {} AS empty_map, {name: 'x', `key with space`: 1, nested: {deep: [true, false]}} AS map
