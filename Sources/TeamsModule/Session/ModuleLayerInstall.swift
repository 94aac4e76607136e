import Foundation
import PowerShellRuntime
import PowerShellFormatting
import PowerShellCmdlets
import TeamsTenant

extension ModuleLayer {
    /// Installs the module layer into a session: its cmdlets, views, the autoload hook and
    /// the `#Requires` check.
    static func install(into context: ExecutionContext, world: World, store: WorldStore?, views: FormatViewRegistry,
                        process: ProcessState = ProcessState()) {
        let layer = ModuleLayer(context: context, world: world, store: store, views: views, process: process)
        context.extensionState[key] = layer
        var registrations: [CmdletRegistration] = []
        for (name, type) in ModuleCmdlets.all + PSGetCmdlets.all {
            if let declaration = BuiltinDeclarations.declaration(named: name) {
                registrations.append(CmdletRegistration(declaration: declaration, type: type))
            }
        }
        registrations.append(ModuleCmdlets.exportModuleMember)
        registrations.append(ModuleCmdlets.newModule)
        registrations += TeamsSimCmdlets.registrations
        context.register(registrations)
        PSGetObjects.registerViews(views)
        TeamsViews.register(views, catalog: world.tenant.catalog)
        TeamObjects.registerViews(views)
        TenantInfoObjects.registerViews(views)
        BatchObjects.registerViews(views)
        ClientCallObjects.registerViews(views)
        WorldChangeObjects.registerViews(views)
        context.commandNotFoundHook = { [unowned layer] name in layer.autoload(name) }
        context.availableModuleCommands = { [unowned layer] in layer.availableCommands() }
        context.requiresCheck = { [unowned layer] ast, path in layer.checkRequires(ast, path: path) }
        context.loadedModuleLookup = { [unowned layer] name in layer.loadedModule(named: name) }
        if store != nil { context.topLevelStatementCompleted = { [unowned layer] in layer.flush() } }
        TeamsCompleters.register(in: context, catalog: world.tenant.catalog)
        AboutTopics.register(TeamsAboutTopics.all)
    }
}
