/// The TeamsTenant target; see DESIGN.md.
enum TeamsTenantTarget {}
