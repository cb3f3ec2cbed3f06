MATCH (회사:Company {이름: '마이크로소프트'})-[:INVESTS_IN]->(대상)
RETURN 회사.이름 AS 투자자, 대상.name AS déjà_vu
