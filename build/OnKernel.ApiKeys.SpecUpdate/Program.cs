return OnKernel.ApiKeys.SpecUpdate.SpecUpdateCommand.Run(args, Console.Out, Console.Error);
