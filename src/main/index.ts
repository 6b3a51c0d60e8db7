/** Electron's entry point: everything lives in ./electron (the shell) and ./core (the domain). */
import { startApp } from './electron/app'

startApp()
