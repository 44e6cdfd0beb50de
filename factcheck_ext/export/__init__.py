"""Machine-readable output: ClaimReview JSON-LD and the factcheck.json dataset."""
