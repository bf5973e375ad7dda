"""Exchange with other systems (FHIR R4); no Qt."""
