/// The TeamsModule target; see DESIGN.md.
enum TeamsModuleTarget {}
