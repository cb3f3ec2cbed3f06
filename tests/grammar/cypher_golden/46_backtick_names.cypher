MATCH (`my node`:`Weird Label` {`key.with.dots`: 1})-[`rel var`:`TYPE-X`]->(`a``b`)
RETURN `my node`.`key.with.dots` AS `column name`, `a``b`
