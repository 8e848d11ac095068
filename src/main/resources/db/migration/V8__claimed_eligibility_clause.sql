-- The clause of the notice's eligibility section the candidate claims to meet (EligibilityClause codes, which
-- are also the codes Eligibility.dmn answers with).
ALTER TABLE application ADD COLUMN claimed_clause VARCHAR(40);
