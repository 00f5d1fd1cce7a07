using OnKernel.ApiKeys.SpecUpdate;
using OnKernel.ApiKeys.SpecUpdate.Regenerate;

// build/update-spec.sh runs the spec update; build/regenerate.sh the whole refresh workflow.
return args.Length > 0 && args[0] == "regenerate"
    ? RegenerateCommand.Run(args[1..], Console.Out, Console.Error)
    : SpecUpdateCommand.Run(args, Console.Out, Console.Error);
